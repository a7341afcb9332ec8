import type { Route } from "../router.js";
import { driftSummaryRoute } from "./drift.js";
import { explicitFeedbackRoute, feedbackSummaryRoute, implicitFeedbackRoute } from "./feedback.js";
import { healthFullRoute } from "./health.js";
import { metricsRoute, rawMetricsRoute } from "./metrics.js";
import { livezRoute, readyzRoute } from "./probes.js";
import { queryRoute } from "./query.js";
import { weeklyReportRoute } from "./report.js";
import { traceRoute } from "./trace.js";

/** The HTTP API (DESIGN §11), one route a line; a feature not built yet answers 501 until wired here. */
export const API_ROUTES: readonly Route[] = [
  { method: "GET", path: "/metrics", handler: metricsRoute, public: true },
  { method: "GET", path: "/metrics/raw", handler: rawMetricsRoute },
  { method: "GET", path: "/livez", handler: livezRoute, public: true },
  { method: "GET", path: "/readyz", handler: readyzRoute, public: true },
  { method: "GET", path: "/health/full", handler: healthFullRoute },
  { method: "GET", path: "/trace/:id", handler: traceRoute },
  { method: "POST", path: "/query", handler: queryRoute },
  { method: "POST", path: "/feedback/explicit", handler: explicitFeedbackRoute },
  { method: "POST", path: "/feedback/implicit", handler: implicitFeedbackRoute },
  { method: "GET", path: "/feedback/summary", handler: feedbackSummaryRoute },
  { method: "GET", path: "/drift/summary", handler: driftSummaryRoute },
  { method: "GET", path: "/report/weekly", handler: weeklyReportRoute },
];
