import type { Route } from '../router.ts';
import { createRoute } from './create.ts';
import { createYamlRoute } from './create-yaml.ts';
import { graphRoute } from './graph.ts';
import { listRoute } from './lists.ts';
import { overviewRoute } from './overview.ts';
import { scaledJobRoute } from './scaled-job.ts';
import { scaledObjectRoute } from './scaled-object.ts';
import { triggerAuthRoute } from './trigger-auth.ts';
import { yamlRoute } from './yaml.ts';

/** Tried in order; the first view wins. Add a page: a module in this folder and one line here. */
export const routes: readonly Route[] = [
  overviewRoute,
  createRoute,
  createYamlRoute,
  yamlRoute,
  scaledObjectRoute,
  scaledJobRoute,
  triggerAuthRoute,
  graphRoute,
  listRoute,
];
