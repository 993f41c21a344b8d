/** العربية: الإشعارات (الجرس والصفحة) وقوائم العمل في الصفحة الرئيسية. */
export const notifications: Record<string, string> = {
  'notification.referral_received': 'إحالة جديدة {ref} في انتظار ردّكم',
  'notification.referral_accepted': 'تم قبول الإحالة {ref}',
  'notification.referral_declined': 'تم رفض الإحالة {ref}',
  'notification.referral_overdue': 'لم يتم الرد على الإحالة {ref} رغم انقضاء الأجل',
  'notification.followup_overdue': 'لم تُنجَز متابعة الملف {ref} التي كانت مقرّرة يوم {dueDate}',
  'notification.reflection_period_ending': 'تنتهي فترة التعافي والتفكير الخاصة بالملف {ref} يوم {endDate}',
  'notification.case_assigned': 'تم تكليفكم بالملف {ref}',
  'notification.dispatch_received':
    '{purpose, select, emergency {حالة خطر مباشر: أُحيل التبليغ {ref} إلى هيئتكم} screening {أُحيل التبليغ {ref} إلى هيئتكم لإجراء مقابلة تحديد الهوية} other {أُحيل التبليغ {ref} إلى هيئتكم}}',
  'notification.merge_requested': 'طُلب دمج الملف {ref} مع ملف مكرّر',
  'notification.role_grant_requested': 'طُلبت للمستخدم {ref} أدوار تتيح الوصول إلى بيانات حساسة؛ يجب أن يوافق عليها مسؤول ثانٍ',
  'notification.role_grant_approved': 'وافق مسؤول ثانٍ على الأدوار المطلوبة للمستخدم {ref}',
  'notification.public_report_received':
    '{urgency, select, urgent {عاجل: ورد التبليغ {ref} عبر الاستمارة العمومية (قد يتعلق الأمر بأطفال)} other {ورد تبليغ جديد {ref} عبر الاستمارة العمومية}}',
  'notification.public_report_danger': 'خطر مباشر: يفيد التبليغ {ref} الوارد عبر الاستمارة العمومية بأن شخصًا في خطر الآن. صنِّفه وأحِله إلى وحدة أمنية.',
  'notifications.title': 'إشعاراتي',
  'notifications.bell':
    '{count, plural, zero {الإشعارات، لا يوجد إشعار غير مقروء} one {الإشعارات، إشعار واحد غير مقروء} two {الإشعارات، إشعاران غير مقروءين} few {الإشعارات، # إشعارات غير مقروءة} many {الإشعارات، # إشعارًا غير مقروء} other {الإشعارات، # إشعار غير مقروء}}',
  'notifications.readAll': 'تعليم الكل كمقروء',
  'notifications.seeAll': 'عرض كل الإشعارات',
  'notifications.empty': 'لا توجد لديكم إشعارات.',
  'notifications.emptyUnread': 'لا توجد لديكم إشعارات غير مقروءة.',
  'notifications.emptyHint': 'سيتم إعلامكم هنا بالإحالات الجديدة والردود عليها والمهام المتأخرة وقرب انتهاء فترات التعافي والتفكير.',
  'notifications.filter.label': 'عرض',
  'notifications.filter.all': 'الكل',
  'notifications.filter.unread': 'غير المقروءة',
  'notifications.unreadMark': 'غير مقروء:',
  'notifications.bellUrgent': '{count, plural, zero {لا إشعارات عاجلة} one {إشعار عاجل واحد: خطر مباشر} two {إشعاران عاجلان: خطر مباشر} few {# إشعارات عاجلة: خطر مباشر} many {# إشعارًا عاجلًا: خطر مباشر} other {# إشعار عاجل: خطر مباشر}}',
  'notifications.urgent.title': 'خطر مباشر',
  'notifications.urgentMark': 'عاجل، غير مقروء:',

  'worklist.cases': 'الملفات',
  'worklist.seeAll': 'عرض الكل',
  'worklist.openReports':
    '{count, plural, zero {لا توجد تبليغات مفتوحة} one {تبليغ مفتوح واحد، الأكثر استعجالًا أولًا} two {تبليغان مفتوحان، الأكثر استعجالًا أولًا} few {# تبليغات مفتوحة، الأكثر استعجالًا أولًا} many {# تبليغًا مفتوحًا، الأكثر استعجالًا أولًا} other {# تبليغ مفتوح، الأكثر استعجالًا أولًا}}',
  'worklist.dispatched':
    '{count, plural, zero {لا توجد تبليغات محالة إلى هيئتكم} one {تبليغ واحد محال إلى هيئتكم} two {تبليغان محالان إلى هيئتكم} few {# تبليغات محالة إلى هيئتكم} many {# تبليغًا محالًا إلى هيئتكم} other {# تبليغ محال إلى هيئتكم}}',
  'worklist.screenings':
    '{count, plural, zero {لا توجد عمليات فحص أولي لهيئتكم} one {عملية فحص أولي واحدة لهيئتكم} two {عمليتا فحص أولي لهيئتكم} few {# عمليات فحص أولي لهيئتكم} many {# عملية فحص أولي لهيئتكم} other {# عملية فحص أولي لهيئتكم}}',
  'worklist.agencyCases':
    '{count, plural, zero {لا توجد ملفات نشطة لهيئتكم} one {ملف نشط واحد لهيئتكم} two {ملفان نشطان لهيئتكم} few {# ملفات نشطة لهيئتكم} many {# ملفًا نشطًا لهيئتكم} other {# ملف نشط لهيئتكم}}',
  'worklist.myCases':
    '{count, plural, zero {لا توجد ملفات} one {ملف واحد، المتأخر أولًا} two {ملفان، المتأخر أولًا} few {# ملفات، المتأخر أولًا} many {# ملفًا، المتأخر أولًا} other {# ملف، المتأخر أولًا}}',
  'worklist.incomingReferrals':
    '{count, plural, zero {لا توجد إحالات في انتظار ردّكم} one {إحالة واحدة في انتظار ردّكم} two {إحالتان في انتظار ردّكم} few {# إحالات في انتظار ردّكم} many {# إحالة في انتظار ردّكم} other {# إحالة في انتظار ردّكم}}',
  'worklist.reflectionEnds': 'تنتهي فترة التفكير يوم {date}',
  'worklist.openedOn': 'فُتح يوم {date}',
  'worklist.nextFollowUp': 'المتابعة القادمة يوم {date}',
  'worklist.openReferrals':
    '{count, plural, zero {لا توجد إحالات جارية} one {إحالة جارية واحدة} two {إحالتان جاريتان} few {# إحالات جارية} many {# إحالة جارية} other {# إحالة جارية}}',
  'worklist.overdue': '{count, plural, zero {لا شيء متأخر} one {مهمة متأخرة واحدة} two {مهمتان متأخرتان} few {# مهام متأخرة} many {# مهمة متأخرة} other {# مهمة متأخرة}}',
  'worklist.late': 'متأخرة',
  'worklist.health.waiting': 'إحالات في انتظار الرد',
  'worklist.health.waitingDetail': 'خطر مباشر {emergency} · مستعجلة {urgent} · عادية {routine}',
  'worklist.health.overdue': 'في الانتظار بعد انقضاء الأجل',
  'worklist.health.acceptance': 'متوسط مدة القبول (بالساعات)',
  'worklist.health.acceptanceDetail':
    '{count, plural, zero {لم تُقبل أي إحالة خلال آخر {days} يومًا} one {إحالة واحدة مقبولة خلال آخر {days} يومًا} two {إحالتان مقبولتان خلال آخر {days} يومًا} few {# إحالات مقبولة خلال آخر {days} يومًا} many {# إحالة مقبولة خلال آخر {days} يومًا} other {# إحالة مقبولة خلال آخر {days} يومًا}}',
  'worklist.health.notReferred': 'ضحايا لم تتم إحالتهم بعد',
  'worklist.health.overrides': 'استثناءات من الموافقة تنتظر المراجعة',
};
