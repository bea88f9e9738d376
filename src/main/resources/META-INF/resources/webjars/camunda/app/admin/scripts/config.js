/*
 * Our own configuration, in place of the one in Camunda's webjar (which sets nothing here).
 *
 * Chinese or English, chosen by the browser (see ../../language.js); the Chinese texts are our
 * own, in ../locales/zh.json. The fallback is the chosen language itself, so that Camunda loads
 * one locale file only: it applies the date formats of each file it loads to the whole page,
 * and an English fallback file arriving after the Chinese one would put English dates
 * ("in 8 days", "3 minutes ago") into a Chinese page.
 */
// Loaded afresh each time, as Camunda loads this file (its address ends in ?bust=<time>).
const { language, preloadTexts } = await import('../../language.js' + new URL(import.meta.url).search);

await preloadTexts('admin');

export default {
  locales: {
    availableLocales: ['zh', 'en'],
    fallbackLocale: language
  }
};
