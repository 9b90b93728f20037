/** The password of every demo account (created only outside production, or with `--demo`). */
export const DEMO_PASSWORD = "hanoi-techex-demo";
