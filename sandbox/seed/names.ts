// Names as people really have them: apostrophes, accents, particles, non-Latin scripts.

const list = (...lines: string[]) => lines.join("|").split("|");

export const FIRST_NAMES = list(
  "James|Mary|Seán|Zoë|José|Anaïs|Björn|Łukasz|Siobhán|François|Priya|Wei|太郎|花子|Ольга",
  "Nguyễn|Chloé|Jürgen|Aoife|Mohammed|Linda|Robert|Émilie|Søren|Ana María|D'Arcy|Lee|Kim|Olu|Ines",
);

export const LAST_NAMES = list(
  "O'Brien|Müller|山田|D'Angelo|Smith|García|Ólafsdóttir|van der Berg|Nakamura|Иванова",
  "O'Neil-Hughes|Øvergaard|Johnson|Schäfer|Nguyen|Brown|MacDonald|Dubois|Kowalski|Rossi",
  "Williams|佐藤|Fernández|Lefèvre|Patel|Okafor|St. John|Al-Farsi|Ó Súilleabháin|Taylor",
);

export const COMPANY_WORDS = list(
  "Acme|Globex|Initech|Umbrella|Müller & Söhne|O'Reilly|山田商事|Nordwind|Blue Harbor|Stark",
  "Wayne|Cyberdyne|Soylent|Hooli|Vandelay|Bäckerei Schmidt|Café Lumière|Pied Piper|Oceanic|Tyrell",
);

export const COMPANY_KINDS = list("Corp|Inc.|GmbH|Ltd|S.A.|Holdings|Group|KK|Pty Ltd|LLC");

export const TITLES = list(
  "Accounts Payable Manager|CFO|Billing Specialist|Controller|Office Manager|Head of Finance",
  "Procurement Lead|CEO|AP Clerk|Treasurer|Bookkeeper|Finance Director",
);

export const DEPARTMENTS = list("Finance|Accounting|Operations|Procurement|Executive|IT");

/** Values of the generator's own multi-select picklist, Contact.Contact_Roles__c. */
export const CONTACT_ROLES = list("Billing|Primary|Technical|Shipping|Decision Maker");
