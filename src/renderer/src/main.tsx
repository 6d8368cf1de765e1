import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { AppContext, type AppServices } from './hooks/appContext';
import { createController } from './store/controller';
import { createAppStore } from './store/createAppStore';
import { applyTheme, rememberedTheme } from './lib/theme';
import { createTransport } from './transport';
import './styles/tokens.css';
import './styles/base.css';
import './styles/controls.css';
import './styles/layout.css';

// The theme last used, before the first paint; the settings confirm or change it once loaded.
applyTheme(rememberedTheme());

const transport = createTransport();
const store = createAppStore();
const services: AppServices = { transport, store, controller: createController(transport, store) };

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element.');

createRoot(container).render(
  <StrictMode>
    <AppContext.Provider value={services}>
      <App />
    </AppContext.Provider>
  </StrictMode>,
);
