export * from './common';
export * from './constants';
export * from './dto';
export * from './functions';
export * from './result';
