import { app, session, shell, type WebContents } from 'electron';
import { BLOCKED_NETWORK_URL_PATTERNS, isAppUrl, isExternalLinkAllowed } from './security-policy';

// Defences that apply to every web page the app ever creates, not only the main window: a page
// that escaped one check (a frame, a popup) meets the same rules.

type Log = (message: string, error: unknown) => void;

function openExternally(url: string, log: Log): void {
  if (!isExternalLinkAllowed(url)) return;
  shell.openExternal(url).catch((error: unknown) => log(`Could not open ${url} in the browser`, error));
}

function guardWebContents(contents: WebContents, log: Log): void {
  contents.on('will-navigate', (event, url) => {
    if (isAppUrl(url)) return;
    event.preventDefault();
    openExternally(url, log);
  });
  contents.on('will-frame-navigate', (details) => {
    if (details.isMainFrame || isAppUrl(details.url)) return;
    details.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.setWindowOpenHandler(({ url }) => {
    openExternally(url, log);
    return { action: 'deny' };
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/** Call once, after 'ready'. */
export function hardenSessionsAndPages(log: Log): void {
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.setDevicePermissionHandler(() => false);
  // Belt and braces with the CSP: pages have no business on the network at all. Requests without a
  // page (Chromium's own, such as spell-check dictionaries) are left to Chromium.
  ses.webRequest.onBeforeRequest({ urls: BLOCKED_NETWORK_URL_PATTERNS }, (details, callback) =>
    callback({ cancel: details.webContentsId !== undefined }),
  );

  app.on('web-contents-created', (_event, contents) => guardWebContents(contents, log));
}
