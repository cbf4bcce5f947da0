// Allure 3 configuration for the conformance run's merged report (browser + mobile results).
// One self-contained HTML file, so the report opens from disk with no server and no network.
export default {
  name: 'Intercom identity conformance',
  plugins: {
    awesome: {
      options: {
        singleFile: true,
        reportLanguage: 'en',
        groupBy: ['epic', 'feature', 'story'],
      },
    },
  },
};
