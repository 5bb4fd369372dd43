import type { Article } from '../../knowledge/article';

/** A published article with the fields the router and retrieval read, for tests that build a small knowledge base. */
export const article = (id: string, title: string, questions: string[], body: string): Article => ({
  id,
  title,
  questions,
  url: `https://www.anytown.example/${id}`,
  lastReviewed: '2026-12-01',
  owner: 'Customer Services',
  tags: [],
  status: 'published',
  body,
  file: `${id}.md`,
});
