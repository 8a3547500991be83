// GitHub's own parser for action.yml and workflow files, as the runner and the editor use it.
import { readFileSync } from 'node:fs';
import { NoOperationTraceWriter, parseWorkflow } from '@actions/workflow-parser';
import { parseAction } from '@actions/workflow-parser/actions/action-parser';

const errorsOf = (result: { context: { errors: { getErrors(): { message: string }[] } } }): string[] =>
  result.context.errors.getErrors().map((error) => error.message);

export function actionErrors(path: string): string[] {
  return errorsOf(parseAction({ name: path, content: readFileSync(path, 'utf8') }, new NoOperationTraceWriter()));
}

export function workflowErrors(path: string): string[] {
  return errorsOf(parseWorkflow({ name: path, content: readFileSync(path, 'utf8') }, new NoOperationTraceWriter()));
}
