import * as React from 'react';
import { mountApp } from '../ui/mountApp';
import { WorkbenchRoot } from './WorkbenchRoot';

// The local stand-in for SharePoint's workbench: the web part's app, outside SPFx, on the dev tenant that `npm start`
// serves on this page's origin, signed in as the persona chosen on the page (the site owner unless the records
// manager is chosen).
mountApp(<WorkbenchRoot origin={window.location.origin} />);
