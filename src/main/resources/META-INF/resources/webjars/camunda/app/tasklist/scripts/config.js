/*
 * Our own configuration, in place of the one in Camunda's webjar.
 *
 * Chinese or English, chosen by the browser (see ../../language.js); the Chinese texts are our
 * own, in ../locales/zh.json. The fallback is the chosen language itself, so that Camunda loads
 * one locale file only: it applies the date formats of each file it loads to the whole page,
 * and an English fallback file arriving after the Chinese one would put English dates
 * ("in 8 days", "3 minutes ago") into a Chinese page.
 */
// Loaded afresh each time, as Camunda loads this file (its address ends in ?bust=<time>).
const { language, preloadTexts } = await import('../../language.js' + new URL(import.meta.url).search);

await preloadTexts('tasklist');

/** Tasklist shows the shortcuts' descriptions as written here, untranslated: so they follow the language too. */
function text(zh, en) {
  return language === 'zh' ? zh : en;
}

export default {
  locales: {
    availableLocales: ['zh', 'en'],
    fallbackLocale: language
  },

  // The webjar's shortcuts, unchanged but for the descriptions.
  shortcuts: {
    claimTask: {
      key: 'ctrl+alt+c',
      description: text('认领当前选中的任务', 'claims the currently selected task')
    },
    focusFilter: {
      key: 'ctrl+shift+f',
      description: text('将焦点移到列表中的第一个过滤器', 'set the focus to the first filter in the list')
    },
    focusList: {
      key: 'ctrl+alt+l',
      description: text('将焦点移到列表中的第一个任务', 'sets the focus to the first task in the list')
    },
    focusForm: {
      key: 'ctrl+alt+f',
      description: text('将焦点移到任务表单的第一个输入框', 'sets the focus to the first input field in a task form')
    },
    startProcess: {
      key: 'ctrl+alt+p',
      description: text('打开“启动流程”对话框', 'opens the start process modal dialog')
    }
  }
};
