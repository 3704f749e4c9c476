import * as React from 'react';
import { mountApp } from '../ui/mountApp';
import { FilePlanApp } from '../ui/filePlan/FilePlanApp';

// The local stand-in for SharePoint's workbench: the web part's app, outside SPFx, on the dev tenant.
mountApp(<FilePlanApp siteUrl="http://127.0.0.1:4321/sites/finance" />);
