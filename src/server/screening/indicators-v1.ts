import type { Indicator, IndicatorCategory, PalermoElement, Thresholds } from '@shared/api/screening.js';
import type { ExploitationForm } from '@shared/htcds/victim.js';
import { FORM_INDICATORS } from './indicators-v1-forms.js';

/** Builds one indicator row compactly: code, grouping, Palermo element, weight, strong flag and the question in three languages. */
export function indicatorOf(
  code: string, category: IndicatorCategory, element: PalermoElement, form: ExploitationForm | null, weight: number, strong: boolean,
  en: string, fr: string, ar: string,
): Indicator {
  return { code, category, element, form, weight, strong, text: { en, fr, ar } };
}

/*
 * The first indicator set. Written in Sanad's own words, drawing on the kinds
 * of sign that public indicator lists (ILO, UNODC, IOM) describe; each question
 * is phrased so a responder can ask or observe it in a short interview.
 */
const GENERAL: Indicator[] = [
  indicatorOf('gen_recruited_by_third_party', 'general', 'act', null, 1, false,
    'Someone else (a broker, an acquaintance, an agency) found them this work or arranged their journey',
    'Une autre personne (intermédiaire, connaissance, agence) leur a trouvé ce travail ou a organisé leur voyage',
    'شخص آخر (وسيط أو معرفة أو وكالة) وجد له هذا العمل أو رتّب رحلته'),
  indicatorOf('gen_travel_controlled', 'general', 'act', null, 1, false,
    'Their travel or transport was organised and paid by others, who decided where they went',
    'Leur déplacement a été organisé et payé par d’autres, qui décidaient de la destination',
    'تنقّله نظّمه ودفع ثمنه آخرون، وهم من قرّروا وجهته'),
  indicatorOf('gen_housed_by_controller', 'general', 'act', null, 1, false,
    'They sleep where they work, or in housing chosen and controlled by the employer or an intermediary',
    'Ils dorment sur le lieu de travail, ou dans un logement choisi et contrôlé par l’employeur ou un intermédiaire',
    'ينام في مكان العمل، أو في سكن يختاره ويتحكّم فيه المشغّل أو الوسيط'),
  indicatorOf('gen_deceived_about_work', 'general', 'means', null, 2, false,
    'The work, pay or conditions are not what they were promised before leaving',
    'Le travail, le salaire ou les conditions ne correspondent pas à ce qui avait été promis avant le départ',
    'العمل أو الأجر أو الظروف ليست ما وُعد به قبل مغادرته'),
  indicatorOf('gen_documents_withheld', 'general', 'means', null, 3, true,
    'Someone else keeps their passport or identity papers and will not give them back',
    'Une autre personne garde leur passeport ou leurs papiers d’identité et refuse de les rendre',
    'شخص آخر يحتفظ بجواز سفره أو أوراق هويته ويرفض إرجاعها'),
  indicatorOf('gen_debt_bondage', 'general', 'means', null, 3, true,
    'They owe a debt (travel, housing, fees) to the recruiter or employer that keeps growing or can never be paid off',
    'Ils ont envers le recruteur ou l’employeur une dette (voyage, logement, frais) qui grossit ou ne peut jamais être remboursée',
    'عليه دين للوسيط أو المشغّل (سفر، سكن، رسوم) يكبر باستمرار أو لا يمكن سداده أبداً'),
  indicatorOf('gen_threats_or_violence', 'general', 'means', null, 3, true,
    'They, or their family, have been threatened or hurt to make them obey',
    'Eux-mêmes ou leur famille ont été menacés ou frappés pour les forcer à obéir',
    'تعرّض هو أو عائلته للتهديد أو الأذى لإجباره على الطاعة'),
  indicatorOf('gen_not_free_to_leave', 'general', 'means', null, 3, true,
    'They cannot leave the place or the job when they want (locked in, watched, or afraid of what would happen)',
    'Ils ne peuvent pas quitter le lieu ou le travail quand ils le veulent (enfermés, surveillés, ou par peur des conséquences)',
    'لا يستطيع مغادرة المكان أو العمل متى شاء (محبوس، مراقَب، أو خائف من العواقب)'),
  indicatorOf('gen_fear_of_authorities', 'general', 'means', null, 1, false,
    'They were told the police would arrest or deport them if they spoke or sought help',
    'On leur a dit que la police les arrêterait ou les expulserait s’ils parlaient ou demandaient de l’aide',
    'قيل له إن الشرطة ستعتقله أو ترحّله إن تكلّم أو طلب المساعدة'),
  indicatorOf('gen_isolated', 'general', 'means', null, 1, false,
    'They have no free contact with family or friends, or do not know the address where they live or work',
    'Ils n’ont pas de contact libre avec leur famille ou leurs amis, ou ne connaissent pas l’adresse où ils vivent ou travaillent',
    'ليس له تواصل حرّ مع عائلته أو أصدقائه، أو لا يعرف عنوان مكان سكنه أو عمله'),
  indicatorOf('gen_coached_or_accompanied', 'general', 'means', null, 1, false,
    'Someone speaks for them, answers in their place, or their story sounds rehearsed',
    'Quelqu’un parle à leur place, répond pour eux, ou leur récit semble appris par cœur',
    'شخص آخر يتكلّم نيابة عنه أو يجيب بدلاً منه، أو تبدو قصّته محفوظة'),
  indicatorOf('gen_vulnerability_abused', 'general', 'means', null, 2, false,
    'Their irregular status, poverty, illness or dependence was used to make them accept the situation',
    'Leur situation irrégulière, leur pauvreté, une maladie ou une dépendance a été utilisée pour leur faire accepter la situation',
    'استُغلّ وضعه غير النظامي أو فقره أو مرضه أو تبعيّته لجعله يقبل الوضع'),
  indicatorOf('gen_earnings_taken', 'general', 'purpose', null, 2, false,
    'Most or all of what they earn is taken by someone else',
    'La plus grande partie ou la totalité de ce qu’ils gagnent est prise par quelqu’un d’autre',
    'معظم ما يكسبه أو كلّه يأخذه شخص آخر'),
];

const CHILD: Indicator[] = [
  indicatorOf('child_unaccompanied', 'child', 'act', null, 2, false,
    'The child is alone, or with an adult who is not a parent or legal guardian',
    'L’enfant est seul, ou avec un adulte qui n’est ni un parent ni un tuteur légal',
    'الطفل وحده، أو مع شخص بالغ ليس أحد والديه ولا وصيّه القانوني'),
  indicatorOf('child_handed_over', 'child', 'act', null, 2, false,
    'The child was sent, given or "placed" by the family with someone else to work or to be looked after',
    'L’enfant a été envoyé, confié ou « placé » par sa famille chez quelqu’un pour travailler ou être pris en charge',
    'أرسلته عائلته أو سلّمته أو «وضعته» عند شخص آخر ليعمل أو ليُتكفّل به'),
  indicatorOf('child_working_not_schooled', 'child', 'purpose', 'child_labour', 2, false,
    'The child works, sells or begs instead of going to school',
    'L’enfant travaille, vend ou mendie au lieu d’aller à l’école',
    'الطفل يعمل أو يبيع أو يتسوّل بدلاً من الذهاب إلى المدرسة'),
  indicatorOf('child_commercial_sex', 'child', 'purpose', 'sexual_exploitation', 3, true,
    'The child is involved in any sexual activity in exchange for money, goods, food or shelter',
    'L’enfant est impliqué dans une activité sexuelle en échange d’argent, de biens, de nourriture ou d’un hébergement',
    'الطفل متورّط في أي نشاط جنسي مقابل مال أو أشياء أو طعام أو مأوى'),
  indicatorOf('child_adult_takes_earnings', 'child', 'purpose', null, 2, false,
    'An adult decides where the child goes and takes what the child earns',
    'Un adulte décide où va l’enfant et prend ce qu’il gagne',
    'شخص بالغ يقرّر أين يذهب الطفل ويأخذ ما يكسبه'),
  indicatorOf('child_false_age_papers', 'child', 'act', null, 1, false,
    'The child carries papers that make them older, or was told to say they are an adult',
    'L’enfant a des papiers qui le vieillissent, ou on lui a dit de se déclarer majeur',
    'يحمل الطفل أوراقاً تُظهره أكبر سنّاً، أو طُلب منه أن يقول إنه بالغ'),
];

const SMUGGLING: Indicator[] = [
  indicatorOf('smg_paid_for_crossing', 'smuggling', 'smuggling', null, 1, false,
    'They (or their family) paid someone to help them cross a border irregularly',
    'Eux-mêmes (ou leur famille) ont payé quelqu’un pour les aider à franchir une frontière de façon irrégulière',
    'دفع هو (أو عائلته) لشخص ما لمساعدته على عبور حدود بطريقة غير نظامية'),
  indicatorOf('smg_chose_journey', 'smuggling', 'smuggling', null, 1, false,
    'They chose and agreed to the journey, and the relationship with the smuggler ended on arrival',
    'Ils ont choisi et accepté le voyage, et la relation avec le passeur a pris fin à l’arrivée',
    'اختار الرحلة ووافق عليها، وانتهت علاقته بالمهرّب عند الوصول'),
  indicatorOf('smg_irregular_entry', 'smuggling', 'smuggling', null, 1, false,
    'They entered or are staying in the country without the required papers',
    'Ils sont entrés ou séjournent dans le pays sans les papiers requis',
    'دخل البلد أو يقيم فيه دون الوثائق المطلوبة'),
];

/** Indicator set version 1, in interview order: general, per form, child-specific, smuggling. */
export const INDICATORS_V1: readonly Indicator[] = [...GENERAL, ...FORM_INDICATORS, ...CHILD, ...SMUGGLING];

/**
 * Starting thresholds: a presumed victim needs the complete elements and either
 * a strong indicator or a score of 6 (two or three weighted signs); a score of 3
 * alone already makes a possible victim. More than half unanswered → refer.
 */
export const THRESHOLDS_V1: Thresholds = { presumedScore: 6, possibleScore: 3, maxUnknownShare: 0.5 };
