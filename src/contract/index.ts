export * from './groups';
export * from './policies';
export * from './routes';
export * from './runtime-config';
