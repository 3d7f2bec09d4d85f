export * from './types';
export * from './plan';
export * from './reports';
export * from './rules';
