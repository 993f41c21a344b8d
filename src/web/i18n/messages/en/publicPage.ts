/** English: the public report page's emergency numbers, what happens to a report, and the quick exit. */
export const publicPage: Record<string, string> = {
  'publicPage.emergency.body':
    'Do not wait for this form: call the police on <police>19</police>, the Royal Gendarmerie on <gendarmerie>177</gendarmerie>, or <mobile>112</mobile> from a mobile phone.',
  'publicPage.emergency.call': 'Call {number}',
  'publicPage.whatHappens.title': 'What happens to your report',
  'publicPage.whatHappens.body':
    'A trained operator of the national anti-trafficking hotline reads it. If someone is in danger, the hotline sends the nearest police or gendarmerie unit. Only the hotline sees what you write; if you leave a phone number or e-mail, only the hotline and the unit sent to help can see it, and every look at it is recorded. You will get a receipt code: keep it to add information later. Nobody will contact you if you leave no contact details.',
  'publicPage.whatHappens.retention':
    '{days, plural, one {If your report leads to no case, what you wrote and your contact details are erased # day after the hotline closes it.} other {If your report leads to no case, what you wrote and your contact details are erased # days after the hotline closes it.}}',
  'publicPage.quickExit': 'Leave this page quickly',
  'publicPage.quickExit.help': 'Leaves this site at once and opens a weather page. Press Esc twice to do the same.',
};
