import { app, Menu, type MenuItemConstructorOptions } from 'electron';
import { openLinkExternally } from '../security/hardenWebContents';

const HELP_URL = 'https://lumiku.com';

/**
 * The standard menus by role, so every platform gets its own shortcuts (Cmd/Ctrl+C, V, Z, Q,
 * zoom, full screen, window cycling) and the About box; nothing here reaches into the page.
 */
export const menuTemplate = (platform: NodeJS.Platform, isPackaged: boolean): MenuItemConstructorOptions[] => {
  const mac = platform === 'darwin';
  const view: MenuItemConstructorOptions[] = [
    { role: 'reload' },
    ...(isPackaged ? [] : ([{ role: 'toggleDevTools' }] as MenuItemConstructorOptions[])),
    { type: 'separator' },
    { role: 'resetZoom' },
    { role: 'zoomIn' },
    { role: 'zoomOut' },
    { type: 'separator' },
    { role: 'togglefullscreen' },
  ];
  return [
    ...(mac ? ([{ role: 'appMenu' }] as MenuItemConstructorOptions[]) : []),
    { role: 'fileMenu' },
    { role: 'editMenu' },
    { label: 'View', submenu: view },
    { role: 'windowMenu' },
    {
      role: 'help',
      submenu: [
        ...(mac ? [] : ([{ role: 'about' }, { type: 'separator' }] as MenuItemConstructorOptions[])),
        // The same allow-list as links in the page: the menu gets no way around it.
        { label: 'Avatar Creator website', click: () => openLinkExternally(HELP_URL) },
      ],
    },
  ];
};

export const installAppMenu = (): void => {
  app.setAboutPanelOptions({
    applicationName: 'Avatar Creator',
    applicationVersion: app.getVersion(),
    copyright: `© ${new Date().getFullYear()} Lumiku`,
    website: HELP_URL,
    credits: 'Images by FLUX.1 through Hugging Face, or drawn offline with DiceBear.',
  });
  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(process.platform, app.isPackaged)));
};
