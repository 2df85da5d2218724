import './views/cc-app/cc-app';
