/**
 * The nine mechanisms that can keep loneliness in place, as data, after what practitioners in the Dutch loneliness field describe.
 * Texts are brug's own, written fresh in B1 Dutch and in English: kind, never blaming.
 *
 * - `mechanismIds`: the nine ids in canonical order (ties in the pattern check are broken by this order).
 * - `mechanisms`: per id a short `name`, an `explanation` (what it is, that it is human, that it can change) and a
 *   `firstStep` (one small, positive thing to try).
 * - `isMechanismId(value)`: whether an untrusted string is one of the ids.
 * - `getMechanism(id)`: the mechanism for an untrusted id, or undefined.
 *
 * Which exercises help with a mechanism is content, not code: exercise front matter lists these same ids.
 */
import type { Localized } from '$lib/features/instruments/instrument-types';

export const mechanismIds = [
	'fear_of_vulnerability',
	'limiting_beliefs',
	'self_sabotage',
	'rumination',
	'waiting',
	'external_validation',
	'old_wounds',
	'no_self_reflection',
	'underrated_community'
] as const;

export type MechanismId = (typeof mechanismIds)[number];

export interface Mechanism {
	id: MechanismId;
	/** Short and kind; used as the heading of a pattern in the result. */
	name: Localized;
	/** Three or four short sentences: what it is, that it is human and common, that it can change. */
	explanation: Localized;
	/** One sentence with a small, positive thing to try. */
	firstStep: Localized;
}

export const mechanisms: Record<MechanismId, Mechanism> = {
	fear_of_vulnerability: {
		id: 'fear_of_vulnerability',
		name: { nl: 'Bang om je kwetsbaar te tonen', en: 'Afraid to show your vulnerable side' },
		explanation: {
			nl: 'Je laat liever niet zien hoe het echt met je gaat, want je bent bang om anderen lastig te vallen. Dat is heel menselijk: zo bescherm je jezelf. Maar die bescherming houdt mensen ook op afstand. Met kleine stapjes kun je leren om iets meer van jezelf te laten zien.',
			en: 'You would rather not show how you are really doing, because you are afraid of being a bother. That is very human: it is how you protect yourself. But that protection also keeps people at a distance. With small steps, you can learn to show a little more of yourself.'
		},
		firstStep: {
			nl: 'Stuur één eerlijke zin naar iemand die je vertrouwt, zoals: ‘Ik mis onze gesprekken.’',
			en: 'Send one honest sentence to someone you trust, like: ‘I miss our talks.’'
		}
	},
	limiting_beliefs: {
		id: 'limiting_beliefs',
		name: { nl: 'Gedachten die je klein houden', en: 'Thoughts that hold you back' },
		explanation: {
			nl: 'Soms zit er een gedachte in je hoofd, zoals ‘Ik ben het niet waard’ of ‘Het gaat toch altijd mis’. Zo’n gedachte kleurt alles wat je meemaakt. Veel mensen kennen dat, en het is niet jouw schuld. Een gedachte is geen feit: je kunt leren om ook te zien wat er wél goed gaat.',
			en: 'Sometimes a thought sits in your head, like ‘I’m not worth it’ or ‘It always goes wrong anyway’. A thought like that colours everything you experience. Many people know this, and it is not your fault. A thought is not a fact: you can learn to also see what does go well.'
		},
		firstStep: {
			nl: 'Schrijf vandaag één moment op waarop iemand aardig tegen je was of naar je luisterde.',
			en: 'Today, write down one moment when someone was kind to you or listened to you.'
		}
	},
	self_sabotage: {
		id: 'self_sabotage',
		name: { nl: 'Afstand nemen als het dichtbij komt', en: 'Pulling away when things get close' },
		explanation: {
			nl: 'Als iemand dichterbij komt, trek je je soms terug. Of je test iemand, om te zien of die blijft. Dat doe je niet expres: het is een oude manier om je veilig te voelen. Als je het leert herkennen, kun je rustiger kiezen wat je wilt doen.',
			en: 'When someone comes closer, you sometimes pull back. Or you test someone, to see if they will stay. You don’t do this on purpose: it is an old way of feeling safe. Once you learn to recognise it, you can choose more calmly what you want to do.'
		},
		firstStep: {
			nl: 'Wil je je terugtrekken, wacht dan even en vraag je af: is er nu echt gevaar, of voel ik iets van vroeger?',
			en: 'When you want to pull away, pause and ask yourself: is there real danger now, or am I feeling something from the past?'
		}
	},
	rumination: {
		id: 'rumination',
		name: { nl: 'Vast in je gedachten', en: 'Stuck in your thoughts' },
		explanation: {
			nl: 'Je denkt veel na over wat er misging, en daar kom je moeilijk uit. Nadenken is goed, maar soms blijven je gedachten malen en voel je je steeds slechter. Dat overkomt veel mensen, zeker als ze zich alleen voelen. Je kunt leren om je gedachten even los te laten en te kijken naar wat nu wel kan.',
			en: 'You think a lot about what went wrong, and it is hard to get out of that. Thinking things over is good, but sometimes your thoughts keep going round and you feel worse and worse. This happens to many people, especially when they feel alone. You can learn to let your thoughts go for a moment and look at what is possible now.'
		},
		firstStep: {
			nl: 'Adem twee minuten rustig in en uit, en let alleen op je adem.',
			en: 'Breathe in and out calmly for two minutes, and pay attention only to your breath.'
		}
	},
	waiting: {
		id: 'waiting',
		name: { nl: 'Wachten op contact', en: 'Waiting for connection' },
		explanation: {
			nl: 'Je hoopt dat contact vanzelf komt: de juiste persoon, het goede moment. Dat is heel begrijpelijk, want de eerste stap zetten is spannend. Maar door te wachten wordt de kans op contact kleiner. Een klein begin van jouw kant kan al veel verschil maken.',
			en: 'You hope that connection will come by itself: the right person, the right moment. That is very understandable, because taking the first step feels scary. But waiting makes the chance of contact smaller. A small start from your side can already make a big difference.'
		},
		firstStep: {
			nl: 'Kies één plek waar je deze week naartoe gaat, zoals een koffieochtend, de bibliotheek of het buurthuis.',
			en: 'Choose one place to go to this week, like a coffee morning, the library or a community centre.'
		}
	},
	external_validation: {
		id: 'external_validation',
		name: { nl: 'Zoeken naar goedkeuring', en: 'Looking for approval' },
		explanation: {
			nl: 'Likes, complimenten en bewondering voelen fijn. Soms nemen ze de plek in van echt contact. Dat is menselijk: iedereen wil gezien worden. Echte verbinding groeit als je laat zien wie je bent en wat je belangrijk vindt.',
			en: 'Likes, compliments and admiration feel good. Sometimes they take the place of real contact. That is human: everyone wants to be seen. Real connection grows when you show who you are and what matters to you.'
		},
		firstStep: {
			nl: 'Vraag je voor je volgende bericht af: zoek ik nu contact, of zoek ik goedkeuring?',
			en: 'Before your next message or post, ask yourself: am I looking for contact, or for approval?'
		}
	},
	old_wounds: {
		id: 'old_wounds',
		name: { nl: 'Oude pijn die nog meespeelt', en: 'Old hurt that still plays a part' },
		explanation: {
			nl: 'Wat je vroeger hebt meegemaakt, kan nu nog steeds invloed hebben. Denk aan een verlies, een breuk of iemand die je niet kon vertrouwen. Het is heel normaal dat zulke pijn doorwerkt in hoe je nu met mensen omgaat. Met steun van iemand die je vertrouwt, of van een hulpverlener, kan het stap voor stap lichter worden.',
			en: 'What happened to you in the past can still have an effect now. Think of a loss, a break-up, or someone you could not trust. It is very normal for that kind of hurt to shape how you deal with people now. With support from someone you trust, or from a professional, it can become lighter step by step.'
		},
		firstStep: {
			nl: 'Schrijf op wie jou hierbij kan helpen, zoals je huisarts of iemand die je vertrouwt.',
			en: 'Write down who could help you with this, such as your GP or someone you trust.'
		}
	},
	no_self_reflection: {
		id: 'no_self_reflection',
		name: { nl: 'Weinig stilstaan bij jezelf', en: 'Little time to check in with yourself' },
		explanation: {
			nl: 'In een druk leven vergeet je soms om stil te staan bij hoe het met je gaat. Dan merk je pas laat wat je mist of nodig hebt. Dat overkomt veel mensen. Een paar minuten per dag aandacht voor je gevoel helpt je om beter te weten wat je wilt.',
			en: 'In a busy life, you sometimes forget to stop and notice how you are doing. Then you only find out late what you miss or need. This happens to many people. A few minutes a day of attention to your feelings helps you know better what you want.'
		},
		firstStep: {
			nl: 'Schrijf vanavond een paar zinnen op over de vraag: hoe voelde ik me vandaag?',
			en: 'Tonight, write a few sentences about the question: how did I feel today?'
		}
	},
	underrated_community: {
		id: 'underrated_community',
		name: { nl: 'Kleine contacten onderschatten', en: 'Underrating small contacts' },
		explanation: {
			nl: 'Je denkt misschien dat een kort praatje met een buur of iemand in de winkel niet veel uitmaakt. Toch geven juist zulke kleine contacten het gevoel dat je erbij hoort. Veel mensen onderschatten dat. Je kunt er klein mee beginnen: elke groet helpt een beetje.',
			en: 'You may think a short chat with a neighbour or someone in a shop doesn’t matter much. Yet it is exactly these small contacts that give you the feeling that you belong. Many people underestimate this. You can start small: every greeting helps a little.'
		},
		firstStep: {
			nl: 'Groet vandaag een buur of iemand in de winkel, en vraag hoe het gaat.',
			en: 'Today, greet a neighbour or someone in a shop, and ask how they are.'
		}
	}
};

/** Whether an untrusted string is one of the nine mechanism ids. */
export function isMechanismId(value: string): value is MechanismId {
	return (mechanismIds as readonly string[]).includes(value);
}

/** The mechanism for an untrusted id, or undefined (never a property inherited from Object). */
export function getMechanism(id: string): Mechanism | undefined {
	return isMechanismId(id) ? mechanisms[id] : undefined;
}
