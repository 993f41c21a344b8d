/** العربية: البحث في قائمة الملفات وترتيبها وتصفيتها حسب التاريخ وتصديرها؛ البحث عن المقابلات بالمرجع. */
export const caseList: Record<string, string> = {
  'caseList.searchHelp':
    'اكتب رقم الملف، أو أي جزء من الاسم (بالحروف العربية أو اللاتينية: «Mohamed» يجد أيضًا «محمد»)، أو رقم جواز السفر أو بطاقة التعريف، أو رقم الهاتف (‎+212 أو 0…). تبقى الهويات مشفّرة: يُعثر على الاسم بكلمات كاملة، لا بحروفه الأولى.',
  'caseList.noMatchHelp': 'تحقّق من الإملاء، واكتب كلمات كاملة من الاسم، أو امسح عوامل التصفية.',
  'caseList.openedFrom': 'مفتوح منذ',
  'caseList.openedTo': 'مفتوح حتى',
  'caseList.export': 'تصدير بصيغة CSV',
  'caseList.exportHelp': 'يُنزّل الملفات كما هي مصفّاة ومرتّبة هنا، مع الأسماء. يُسجَّل التصدير في سجلّ التدقيق.',
  'caseList.exportFailed': 'تعذّر إتمام التصدير.',
  'caseList.sortBy': 'الترتيب حسب {column}',
  'caseList.sortedAscending': 'ترتيب تصاعدي',
  'caseList.sortedDescending': 'ترتيب تنازلي',
  'caseList.screeningReference': 'المرجع',
  'caseList.screeningReferenceHelp': 'مرجع كامل (SCR-2026-000042) أو رقمه (42).',
};
