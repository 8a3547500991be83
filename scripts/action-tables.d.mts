export function actionTables(actionYaml: string): string;
export function withActionTables(readme: string, actionYaml: string): string;
