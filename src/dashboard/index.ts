export { App, type AppProps } from "./components/App.js";
export { startDashboard } from "./start-dashboard.js";
