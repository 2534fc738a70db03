import "../packages/ui/src/styles.css";
import "../apps/web/src/app.css";

const preview = {
  parameters: {
    layout: "padded",
    controls: { matchers: { color: /(background|color)$/i, date: /Date$/i } },
    // axe-core runs after every story's play function; a violation fails the story's test.
    a11y: { test: "error" },
  },
  tags: ["autodocs"],
};

export default preview;
