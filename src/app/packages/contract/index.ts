export * from './constants';
export * from './common';
export * from './dto';
export * from './functions';
export * from './result';
