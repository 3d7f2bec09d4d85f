export * from './shift-templates';
export * from './shift-calendar';
export * from './roster';
