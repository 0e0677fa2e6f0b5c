import Figure from './Figure.astro';
import Latest from './Latest.astro';
import Rag from './Rag.astro';

/** Components commentary authors may use in MDX without importing them. */
export const commentaryComponents = { Figure, Latest, Rag };
