// File information (Gambit manual ch. 16 "Filesystem operations"): (file-info path [chase?])
// makes a file-info record from the host's stat(2) (lstat(2) when chase? is #f; any other
// value chases), file-info? and its accessors read it, and the shortcuts file-type,
// file-size... take a path and read one field (they always chase, and take no chase?).
//
// As gsi 4.9.3 on Linux shows them (observed):
//   #<file-info #2 type: regular device: 65024 inode: 2147925 mode: 420 number-of-links: 1
//     owner: 0 group: 0 size: 5 last-access-time: #<time #3> ... attributes: 128
//     creation-time: #<time #6>>
// - mode is st_mode & 07777 (a sticky /tmp is 1023);
// - times are time objects of whole seconds; the creation time, which Linux's stat(2) lacks,
//   is the most negative flonum (-1.7976931348623157e308 seconds);
// - attributes are Windows' FILE_ATTRIBUTE_* bits: 16 (DIRECTORY) for a directory, else 128
//   (NORMAL), whatever the file;
// - a failure is the host's error with the call form: `No such file or directory`,
//   `Not a directory`...; an accessor given another object says
//   `(Argument 1) Instance of #<type #2 file-info> expected`.

import { checkString } from '../check.js';
import { instanceError } from './data-util.js';
import type { FileInfo } from '../host.js';
import { plain, type PrimFactory } from '../primitive.js';
import { Record, RecordType, STime, intern, type Value } from '../values.js';

const FIELDS = [
  'type', 'device', 'inode', 'mode', 'number-of-links', 'owner', 'group', 'size',
  'last-access-time', 'last-modification-time', 'last-change-time', 'attributes', 'creation-time',
] as const;

/** gsi's type (its id, with 13 fields, is the one gsi 4.9.3's `##type-id` gives). */
const FILE_INFO_TYPE = new RecordType('file-info', '##type-13-41abc50f-928b-48b9-8d2b-77f53b260e71', false, null,
  FIELDS.map((name) => ({ name, printable: true, mutable: false })));

const FILE_ATTRIBUTE_DIRECTORY = 16;
const FILE_ATTRIBUTE_NORMAL = 128;

function fileInfoRecord(fi: FileInfo): Record {
  const time = (s: number | null): STime => new STime(s ?? -Number.MAX_VALUE);
  return new Record(FILE_INFO_TYPE, [
    intern(fi.type), fi.device, fi.inode, fi.mode, fi.links, fi.owner, fi.group, fi.size,
    time(fi.accessTime), time(fi.modificationTime), time(fi.changeTime),
    fi.type === 'directory' ? FILE_ATTRIBUTE_DIRECTORY : FILE_ATTRIBUTE_NORMAL, time(fi.creationTime),
  ]);
}

export const fileInfoPrims: PrimFactory = (vm) => {
  const host = vm.host;
  const stat = (path: Value, chase: boolean): Record =>
    fileInfoRecord(host.fileInfo(host.resolvePath(checkString(path, 1).s, null), chase));
  return [
    plain('file-info', 1, 2, (path: Value, chase?: Value) => stat(path, chase !== false)),
    plain('file-info?', 1, 1, (v: Value) => v instanceof Record && v.type === FILE_INFO_TYPE),
    ...FIELDS.flatMap((field, i) => [
      plain(`file-info-${field}`, 1, 1, (v: Value) => {
        if (!(v instanceof Record && v.type === FILE_INFO_TYPE)) throw instanceError(1, FILE_INFO_TYPE);
        return v.fields[i]!;
      }),
      plain(`file-${field}`, 1, 1, (path: Value) => stat(path, true).fields[i]!),
    ]),
  ];
};
