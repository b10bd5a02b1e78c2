// `npm run dev -- <args>`: run the CLI from source under tsx.
import { main } from './main.js';

void main(process.argv.slice(2));
