export class WorkspaceDamagedError extends Error {
  constructor(
    readonly filePath: string,
    readonly problem: string,
  ) {
    super(`The workspace file is damaged: ${problem}`);
    this.name = 'WorkspaceDamagedError';
  }
}

export class NotAWorkspaceError extends Error {
  constructor(readonly filePath: string) {
    super('This file is an SQLite database, but not an AX Workbench workspace; it was not changed.');
    this.name = 'NotAWorkspaceError';
  }
}
