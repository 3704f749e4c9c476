import * as React from 'react';
import { mountApp } from '../ui/mountApp';
import { DispositionsApp } from './DispositionsApp';

const view = new URLSearchParams(window.location.search).get('view') === 'config' ? 'config' : 'tab';
mountApp(<DispositionsApp view={view} />);
