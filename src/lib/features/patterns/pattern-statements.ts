/**
 * The pattern check's statements, in presentation order: brug's own first-person wording, three per mechanism.
 * Data only; `pattern-check.ts` numbers them and scores them.
 */
import type { PatternStatement } from './pattern-check';

export type StatementData = Omit<PatternStatement, 'number' | 'reversed'> & { reversed?: true };

// Three rounds of all nine mechanisms, each round in its own order, so that no mechanism comes twice in a row.
// The three reversed statements (one per round) are spread out, so agreeing with everything does not look like
// every pattern at once.
export const statementsInOrder: StatementData[] = [
	// Round 1
	{
		mechanism: 'waiting',
		text: { nl: 'Ik wacht vaak tot een ander contact zoekt.', en: 'I often wait for someone else to get in touch.' }
	},
	{
		mechanism: 'fear_of_vulnerability',
		text: {
			nl: 'Ik laat liever niet merken dat het niet goed met me gaat.',
			en: 'I’d rather not let people see when I’m not doing well.'
		}
	},
	{
		mechanism: 'rumination',
		text: {
			nl: 'Ik blijf lang piekeren over wat ik gezegd of gedaan heb.',
			en: 'I keep worrying for a long time about what I said or did.'
		}
	},
	{
		mechanism: 'underrated_community',
		reversed: true,
		text: {
			nl: 'Een korte groet van iemand in de buurt kan mijn dag beter maken.',
			en: 'A quick hello from someone in my neighbourhood can make my day better.'
		}
	},
	{
		mechanism: 'limiting_beliefs',
		text: {
			nl: 'Ik denk vaak dat anderen mij niet de moeite waard vinden.',
			en: 'I often think that others don’t find me worth the effort.'
		}
	},
	{
		mechanism: 'external_validation',
		text: {
			nl: 'Ik voel me pas goed als anderen laten zien dat ze me waarderen.',
			en: 'I only feel good when others show that they appreciate me.'
		}
	},
	{
		mechanism: 'no_self_reflection',
		text: {
			nl: 'Ik sta zelden stil bij hoe ik me eigenlijk voel.',
			en: 'I rarely stop to notice how I actually feel.'
		}
	},
	{
		mechanism: 'self_sabotage',
		text: { nl: 'Als iemand dichterbij komt, trek ik me terug.', en: 'When someone gets closer, I pull back.' }
	},
	{
		mechanism: 'old_wounds',
		text: {
			nl: 'Wat ik vroeger heb meegemaakt, maakt het moeilijk om mensen te vertrouwen.',
			en: 'What I went through in the past makes it hard to trust people.'
		}
	},
	// Round 2
	{
		mechanism: 'fear_of_vulnerability',
		text: {
			nl: 'Ik ben bang dat ik anderen lastigval met mijn zorgen.',
			en: 'I’m afraid that I bother others with my worries.'
		}
	},
	{
		mechanism: 'underrated_community',
		text: {
			nl: 'Een praatje met de buren of in de winkel vind ik niet zo belangrijk.',
			en: 'I don’t think a chat with the neighbours or in a shop matters much.'
		}
	},
	{
		mechanism: 'self_sabotage',
		text: {
			nl: 'Soms zeg ik op het laatste moment af, terwijl ik er eigenlijk wel zin in had.',
			en: 'Sometimes I cancel at the last moment, even though I actually wanted to go.'
		}
	},
	{
		mechanism: 'waiting',
		reversed: true,
		text: {
			nl: 'Ik zet vaak zelf de eerste stap naar contact.',
			en: 'I often take the first step towards contact myself.'
		}
	},
	{
		mechanism: 'no_self_reflection',
		text: {
			nl: 'Ik weet vaak niet goed wat ik nodig heb van andere mensen.',
			en: 'I often don’t really know what I need from other people.'
		}
	},
	{
		mechanism: 'limiting_beliefs',
		text: {
			nl: 'Ik verwacht dat contact met mensen toch weer misgaat.',
			en: 'I expect that contact with people will go wrong again anyway.'
		}
	},
	{
		mechanism: 'old_wounds',
		text: {
			nl: 'Een verlies of een breuk van vroeger speelt nog vaak mee in hoe ik me voel.',
			en: 'A loss or a break-up from the past still often affects how I feel.'
		}
	},
	{
		mechanism: 'rumination',
		text: {
			nl: 'Mijn gedachten blijven vaak rondjes draaien, ook als ik wil slapen.',
			en: 'My thoughts often go round in circles, even when I want to sleep.'
		}
	},
	{
		mechanism: 'external_validation',
		text: {
			nl: 'Ik kijk vaak hoeveel likes of reacties ik krijg.',
			en: 'I often check how many likes or replies I get.'
		}
	},
	// Round 3
	{
		mechanism: 'limiting_beliefs',
		text: {
			nl: 'Als iemand niet terugbelt, denk ik meteen dat het aan mij ligt.',
			en: 'When someone doesn’t call back, I think straight away that it’s because of me.'
		}
	},
	{
		mechanism: 'waiting',
		text: {
			nl: 'Ik wacht op het goede moment om nieuwe mensen te leren kennen.',
			en: 'I’m waiting for the right moment to get to know new people.'
		}
	},
	{
		mechanism: 'rumination',
		text: {
			nl: 'Als ik ga nadenken over mijn leven, voel ik me daarna vaak slechter.',
			en: 'When I start thinking about my life, I often feel worse afterwards.'
		}
	},
	{
		mechanism: 'fear_of_vulnerability',
		text: {
			nl: 'Ik vertel weinig over wat ik echt voel, ook niet aan mensen die dicht bij me staan.',
			en: 'I say little about what I really feel, even to people who are close to me.'
		}
	},
	{
		mechanism: 'old_wounds',
		text: {
			nl: 'Als iemand belangrijk voor me wordt, ben ik bang om weer gekwetst te worden.',
			en: 'When someone becomes important to me, I’m afraid of being hurt again.'
		}
	},
	{
		mechanism: 'external_validation',
		text: {
			nl: 'In gesprekken let ik vooral op wat anderen van mij vinden.',
			en: 'In conversations, I mostly pay attention to what others think of me.'
		}
	},
	{
		mechanism: 'no_self_reflection',
		reversed: true,
		text: {
			nl: 'Ik neem regelmatig even de tijd om te voelen hoe het met me gaat.',
			en: 'I regularly take a moment to check how I’m doing.'
		}
	},
	{
		mechanism: 'self_sabotage',
		text: {
			nl: 'Ik test mensen soms, om te zien of ze echt blijven.',
			en: 'I sometimes test people, to see if they will really stay.'
		}
	},
	{
		mechanism: 'underrated_community',
		text: {
			nl: 'Ik denk dat alleen goede vrienden echt verschil maken in mijn leven.',
			en: 'I think only close friends really make a difference in my life.'
		}
	}
];
