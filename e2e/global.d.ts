// Brings the app's typing of `window.__lab` into the e2e project.
import type {} from '../src/ui/lab-test-hook';
