export * from './errors';
export * from './gb28181';
export * from './stream-url';
export * from './camera-row';
export * from './columns';
export * from './import-file';
export * from './tree';
export * from './text-match';
