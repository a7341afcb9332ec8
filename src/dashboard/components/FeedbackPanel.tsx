import type { FeedbackFacts } from "../../overview/dashboard-snapshot.js";
import { count, share } from "../format.js";
import { Line } from "./Line.js";
import { Panel } from "./Panel.js";

/** Sentiment shares and the average explicit rating of the feedback given in the window. */
export function FeedbackPanel({ feedback, width }: { feedback: FeedbackFacts; width: number }) {
  if (feedback.total === 0)
    return (
      <Panel title="Feedback" width={width}>
        <Line tone="muted">no feedback in the window</Line>
      </Panel>
    );
  return (
    <Panel title={`Feedback · ${count(feedback.total)}`} width={width}>
      <Line tone="good">positive {share(feedback.positive, feedback.total)}</Line>
      <Line>neutral {share(feedback.neutral, feedback.total)}</Line>
      <Line tone="bad">negative {share(feedback.negative, feedback.total)}</Line>
      <Line>
        {feedback.averageRating === null
          ? "no ratings"
          : `avg rating ${feedback.averageRating.toFixed(2)}/5 (${count(feedback.rated)} rated)`}
      </Line>
    </Panel>
  );
}
