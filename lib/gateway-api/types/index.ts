/** Gateway API, core and ASM object types the engine reads and writes. */
export * from './meta';
export * from './gateway';
export * from './routes';
export * from './core';
export * from './snapshot';
export * from './engine';
