export * from './layouts';
export * from './errors';
export * from './access';
export * from './views';
export * from './tours';
