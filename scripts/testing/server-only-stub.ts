// Stands in for the 'server-only' marker package when server modules run under the unit test runner.
export {};
