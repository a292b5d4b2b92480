/** Product name and version shown in reports; kept in step with package.json by a test. */
export const TOOL = { name: 'model-readiness-review', version: '0.1.0' } as const;
