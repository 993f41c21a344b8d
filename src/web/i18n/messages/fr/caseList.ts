/** Français : recherche, tri, filtres de dates et export de la liste des dossiers ; recherche des entretiens par référence. */
export const caseList: Record<string, string> = {
  'caseList.searchHelp':
    "Saisissez un numéro de dossier, n'importe quelle partie d'un nom (en lettres arabes ou latines : « محمد » trouve aussi « Mohamed »), un numéro de passeport ou de pièce d'identité, ou un numéro de téléphone (+212 ou 0…). Les identités restent chiffrées : un nom se retrouve par mots entiers, pas par ses premières lettres.",
  'caseList.noMatchHelp': "Vérifiez l'orthographe, saisissez des mots entiers du nom ou effacez les filtres.",
  'caseList.openedFrom': 'Ouvert à partir du',
  'caseList.openedTo': "Ouvert jusqu'au",
  'caseList.export': 'Exporter en CSV',
  'caseList.exportHelp': "Télécharge les dossiers tels que filtrés et triés ici, avec les noms. L'export est consigné dans le journal d'audit.",
  'caseList.exportFailed': "L'export n'a pas pu aboutir.",
  'caseList.sortBy': 'Trier par {column}',
  'caseList.sortedAscending': 'tri croissant',
  'caseList.sortedDescending': 'tri décroissant',
  'caseList.screeningReference': 'Référence',
  'caseList.screeningReferenceHelp': 'Une référence complète (SCR-2026-000042) ou son numéro (42).',
};
