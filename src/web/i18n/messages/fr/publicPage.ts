/** Français : numéros d’urgence de la page publique, ce que devient un signalement, et la sortie rapide. */
export const publicPage: Record<string, string> = {
  'publicPage.emergency.body':
    'N’attendez pas ce formulaire : appelez la police au <police>19</police>, la Gendarmerie royale au <gendarmerie>177</gendarmerie>, ou le <mobile>112</mobile> depuis un mobile.',
  'publicPage.emergency.call': 'Appeler le {number}',
  'publicPage.whatHappens.title': 'Ce que devient votre signalement',
  'publicPage.whatHappens.body':
    'Un écoutant formé de la ligne nationale contre la traite le lit. Si quelqu’un est en danger, la ligne envoie l’unité de police ou de gendarmerie la plus proche. Seule la ligne voit ce que vous écrivez ; si vous laissez un numéro ou un courriel, seuls la ligne et l’unité envoyée peuvent le voir, et chaque consultation est enregistrée. Vous recevrez un code de reçu : gardez-le pour ajouter des informations plus tard. Personne ne vous contactera si vous ne laissez pas de coordonnées.',
  'publicPage.whatHappens.retention':
    '{days, plural, one {Si votre signalement ne donne lieu à aucun dossier, ce que vous avez écrit et vos coordonnées sont effacés # jour après sa clôture par la ligne.} other {Si votre signalement ne donne lieu à aucun dossier, ce que vous avez écrit et vos coordonnées sont effacés # jours après sa clôture par la ligne.}}',
  'publicPage.quickExit': 'Quitter vite cette page',
  'publicPage.quickExit.help': 'Quitte ce site immédiatement et ouvre une page météo. Appuyez deux fois sur Échap pour faire de même.',
};
