export * from './clock';
export * from './working-calendar';
