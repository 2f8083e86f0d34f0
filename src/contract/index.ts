export * from './groups';
export * from './runtime-config';
