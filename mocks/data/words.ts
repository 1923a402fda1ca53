/**
 * Word lists for UK-centric generated data. Towns carry real postcode districts, so a generated
 * postcode always belongs to the town it is printed with. Phone numbers use Ofcom's ranges reserved
 * for drama (01632 960xxx, 020 7946 0xxx, 07700 900xxx): realistic, yet nobody's real number.
 */

export const FIRST_NAMES = [
  'Oliver', 'George', 'Harry', 'Jack', 'Jacob', 'Noah', 'Charlie', 'Thomas', 'Oscar', 'William',
  'James', 'Henry', 'Leo', 'Alfie', 'Joshua', 'Freddie', 'Archie', 'Ethan', 'Isaac', 'Alexander',
  'Amelia', 'Olivia', 'Isla', 'Emily', 'Poppy', 'Ava', 'Isabella', 'Jessica', 'Lily', 'Sophie',
  'Grace', 'Sophia', 'Mia', 'Evie', 'Ruby', 'Ella', 'Scarlett', 'Chloe', 'Isabelle', 'Freya',
  'Priya', 'Aisha', 'Mohammed', 'Arjun', 'Fatima', 'Siobhan', 'Niamh', 'Rhys', 'Cerys', 'Callum',
  'Eilidh', 'Hamish', 'Aoife', 'Declan', 'Zara', 'Imran', 'Sunita', 'Wei', 'Kwame', 'Adaeze',
  'Margaret', 'Susan', 'David', 'Paul', 'Andrew', 'Karen', 'Gillian', 'Nigel', 'Graham', 'Fiona',
] as const;

export const SURNAMES = [
  'Smith', 'Jones', 'Taylor', 'Brown', 'Williams', 'Wilson', 'Johnson', 'Davies', 'Robinson', 'Wright',
  'Thompson', 'Evans', 'Walker', 'White', 'Roberts', 'Green', 'Hall', 'Wood', 'Jackson', 'Clarke',
  'Patel', 'Khan', 'Lewis', 'James', 'Phillips', 'Mason', 'Mitchell', 'Rose', 'Davis', 'Rodriguez',
  'Cox', 'Alexander', 'Morgan', 'Moore', 'Hughes', 'Edwards', 'Harris', 'Martin', 'Cooper', 'Hill',
  'Ward', 'Turner', 'Baker', 'Carter', 'Parker', 'Collins', 'Bell', 'Murphy', 'Kelly', 'Price',
  'Campbell', 'Stewart', 'MacDonald', 'Fraser', 'Reid', "O'Brien", 'Byrne', 'Singh', 'Shah', 'Ahmed',
  'Begum', 'Chen', 'Nguyen', 'Okafor', 'Mensah', 'Kowalski', 'Nowak', 'Fletcher', 'Holloway', 'Pearce',
] as const;

export const COMPANY_FIRST = [
  'Abbey', 'Albion', 'Anchor', 'Ashdown', 'Beacon', 'Bramble', 'Bridgewater', 'Castle', 'Cedar', 'Chiltern',
  'Clover', 'Cobble', 'Cotswold', 'Crown', 'Dales', 'Dovetail', 'Elm', 'Fenland', 'Foxglove', 'Granite',
  'Harbour', 'Hawthorn', 'Heather', 'Highland', 'Ivy', 'Kestrel', 'Lakeland', 'Larch', 'Linden', 'Meadow',
  'Mercia', 'Millstone', 'Moorland', 'Northgate', 'Oakwood', 'Orchard', 'Pennine', 'Quayside', 'Riverside', 'Rowan',
  'Saxon', 'Severn', 'Thistle', 'Thornbury', 'Tudor', 'Wessex', 'Wheatsheaf', 'Willow', 'Windmill', 'Yew Tree',
] as const;

export const COMPANY_SECOND = [
  'Home', 'Gifts', 'Interiors', 'Trading', 'Supplies', 'Crafts', 'Textiles', 'Linens', 'Kitchenware', 'Garden',
  'Outfitters', 'Emporium', 'Mercantile', 'Goods', 'Living', 'Boutique', 'Stores', 'Wholesale', 'Pottery', 'Candles',
] as const;

export const COMPANY_SUFFIX = ['Ltd', 'Ltd', 'Ltd', 'Limited', 'LLP', '& Co Ltd', '& Sons Ltd'] as const;

export const AGENCY_WORDS = ['Agency', 'Sales Agency', 'Trade Representation', 'Brand Partners', 'Associates'] as const;

export const STREETS = [
  'High Street', 'Station Road', 'Church Lane', 'Victoria Road', 'Green Lane', 'Manor Road', 'Park Avenue',
  'Mill Lane', 'Kings Road', 'Queens Road', 'New Street', 'Market Place', 'The Crescent', 'Albert Street',
  'London Road', 'Chapel Street', 'Grange Road', 'Springfield Road', 'Orchard Way', 'Bridge Street',
  'Castle Street', 'North Street', 'West Street', 'Windsor Road', 'Alexandra Road', 'York Road',
] as const;

export const BUILDINGS = ['Unit', 'Suite', 'Flat', 'Floor'] as const;
export const ESTATES = ['Riverside Business Park', 'Enterprise Way', 'Harbour Trading Estate', 'Mill Yard', 'The Maltings'] as const;

export interface Town {
  town: string;
  region: string;
  /** Real outward codes of the town. */
  districts: readonly string[];
}

export const TOWNS: readonly Town[] = [
  { town: 'London', region: 'Greater London', districts: ['SW1A', 'SW1P', 'SW3', 'SW11', 'SE1', 'SE10', 'E1', 'E14', 'N1', 'N7', 'NW1', 'NW3', 'W1D', 'W2', 'W11', 'EC1V', 'EC2A', 'WC1N', 'WC2H'] },
  { town: 'Manchester', region: 'Greater Manchester', districts: ['M1', 'M2', 'M3', 'M4', 'M13', 'M14', 'M20', 'M21'] },
  { town: 'Birmingham', region: 'West Midlands', districts: ['B1', 'B2', 'B3', 'B5', 'B13', 'B15', 'B29'] },
  { town: 'Leeds', region: 'West Yorkshire', districts: ['LS1', 'LS2', 'LS6', 'LS7', 'LS11', 'LS17'] },
  { town: 'Bristol', region: 'Bristol', districts: ['BS1', 'BS2', 'BS6', 'BS8', 'BS16'] },
  { town: 'Edinburgh', region: 'City of Edinburgh', districts: ['EH1', 'EH2', 'EH3', 'EH6', 'EH10'] },
  { town: 'Glasgow', region: 'Glasgow City', districts: ['G1', 'G2', 'G3', 'G11', 'G12', 'G41'] },
  { town: 'Cardiff', region: 'South Glamorgan', districts: ['CF10', 'CF11', 'CF14', 'CF23', 'CF24'] },
  { town: 'Belfast', region: 'County Antrim', districts: ['BT1', 'BT7', 'BT9', 'BT15'] },
  { town: 'Liverpool', region: 'Merseyside', districts: ['L1', 'L2', 'L3', 'L8', 'L17', 'L18'] },
  { town: 'Newcastle upon Tyne', region: 'Tyne and Wear', districts: ['NE1', 'NE2', 'NE4', 'NE6'] },
  { town: 'Sheffield', region: 'South Yorkshire', districts: ['S1', 'S2', 'S7', 'S10', 'S11'] },
  { town: 'Nottingham', region: 'Nottinghamshire', districts: ['NG1', 'NG2', 'NG5', 'NG7'] },
  { town: 'Leicester', region: 'Leicestershire', districts: ['LE1', 'LE2', 'LE3'] },
  { town: 'Brighton', region: 'East Sussex', districts: ['BN1', 'BN2', 'BN3'] },
  { town: 'Oxford', region: 'Oxfordshire', districts: ['OX1', 'OX2', 'OX4'] },
  { town: 'Cambridge', region: 'Cambridgeshire', districts: ['CB1', 'CB2', 'CB4'] },
  { town: 'York', region: 'North Yorkshire', districts: ['YO1', 'YO10', 'YO24', 'YO31'] },
  { town: 'Bath', region: 'Somerset', districts: ['BA1', 'BA2'] },
  { town: 'Norwich', region: 'Norfolk', districts: ['NR1', 'NR2', 'NR3'] },
  { town: 'Exeter', region: 'Devon', districts: ['EX1', 'EX2', 'EX4'] },
  { town: 'Plymouth', region: 'Devon', districts: ['PL1', 'PL4'] },
  { town: 'Southampton', region: 'Hampshire', districts: ['SO14', 'SO15', 'SO17'] },
  { town: 'Aberdeen', region: 'Aberdeenshire', districts: ['AB10', 'AB11', 'AB24'] },
  { town: 'Swansea', region: 'West Glamorgan', districts: ['SA1', 'SA2'] },
  { town: 'Chester', region: 'Cheshire', districts: ['CH1', 'CH2', 'CH3'] },
  { town: 'Harrogate', region: 'North Yorkshire', districts: ['HG1', 'HG2'] },
  { town: 'Canterbury', region: 'Kent', districts: ['CT1', 'CT2'] },
  { town: 'Truro', region: 'Cornwall', districts: ['TR1'] },
  { town: 'Inverness', region: 'Highland', districts: ['IV2', 'IV3'] },
];

/** Letters used in the inward code of UK postcodes (C, I, K, M, O, V never appear there). */
export const INWARD_LETTERS = 'ABDEFGHJLNPQRSTUWXYZ';

export interface ForeignPlace {
  country: string;
  city: string;
  region: string | null;
  postcode: (digits: string, letters: string) => string | null;
  street: string;
}

export const FOREIGN_PLACES: readonly ForeignPlace[] = [
  { country: 'IE', city: 'Dublin', region: 'County Dublin', postcode: (d, l) => `D0${d[0]} ${l[0]}${d.slice(1, 4)}`, street: 'Grafton Street' },
  { country: 'FR', city: 'Paris', region: null, postcode: (d) => `750${d.slice(0, 2)}`, street: 'Rue de Rivoli' },
  { country: 'DE', city: 'Berlin', region: null, postcode: (d) => `10${d.slice(0, 3)}`, street: 'Friedrichstraße' },
  { country: 'NL', city: 'Amsterdam', region: null, postcode: (d, l) => `10${d.slice(0, 2)} ${l.slice(0, 2)}`, street: 'Keizersgracht' },
  { country: 'ES', city: 'Madrid', region: 'Madrid', postcode: (d) => `280${d.slice(0, 2)}`, street: 'Calle de Alcalá' },
  { country: 'US', city: 'New York', region: 'NY', postcode: (d) => `100${d.slice(0, 2)}`, street: 'Madison Avenue' },
];

export const EMAIL_DOMAINS = ['example.com', 'example.co.uk', 'example.org'] as const;

export const EBAY_WORDS = [
  'bargain', 'vintage', 'retro', 'collector', 'treasure', 'thrifty', 'dealhunter', 'bookworm', 'crafty', 'gadget',
  'tealover', 'homeware', 'magpie', 'oddments', 'kitchen', 'garden', 'seaside', 'northern', 'yorkie', 'cornish',
] as const;

export interface Product {
  sku: string;
  description: string;
  /** Retail unit price in pence, VAT exclusive. */
  price: number;
}

const PRODUCT_BASES: readonly [string, string, number][] = [
  ['TT-LIN', 'Linen tea towel', 850],
  ['MUG-STN', 'Stoneware mug', 1200],
  ['CDL-SOY', 'Soy wax candle', 1800],
  ['CSH-WOL', 'Wool cushion cover', 3200],
  ['THR-MER', 'Merino throw', 8900],
  ['APR-CAN', 'Canvas apron', 2400],
  ['BWL-CER', 'Ceramic serving bowl', 2900],
  ['NBK-A5', 'A5 stitched notebook', 650],
  ['SCF-CSH', 'Cashmere-blend scarf', 4500],
  ['BAG-JUT', 'Jute shopping bag', 990],
  ['PLT-ENM', 'Enamel plate', 1100],
  ['SOA-OAT', 'Oat milk soap bar', 550],
  ['GLV-LTH', 'Leather gardening gloves', 1950],
  ['LMP-BRS', 'Brass reading lamp', 7400],
  ['RUG-JUT', 'Jute rug 120 x 180', 11900],
];
const COLOURS: readonly [string, string][] = [
  ['SAG', 'sage'], ['OCH', 'ochre'], ['NAV', 'navy'], ['CHA', 'charcoal'], ['RUS', 'rust'], ['OAT', 'oatmeal'],
];

/** 90 products: every base in every colour. */
export const PRODUCTS: readonly Product[] = PRODUCT_BASES.flatMap(([sku, description, price]) =>
  COLOURS.map(([code, colour]) => ({ sku: `${sku}-${code}`, description: `${description}, ${colour}`, price })),
);

export const CONTACT_ROLES = ['Buyer', 'Accounts', 'Owner', 'Warehouse manager', 'Store manager', 'Director'] as const;

export const MANUAL_NOTES: readonly [kind: 'general' | 'call' | 'email' | 'meeting', text: string][] = [
  ['call', 'Called to chase the missing parcel; courier confirmed it was left with a neighbour.'],
  ['call', 'Rang about the invoice total: the delivery charge had been applied twice. Credit note promised.'],
  ['email', 'Asked for the autumn catalogue and trade price list; sent both as PDF.'],
  ['email', 'Requested that all deliveries go to the warehouse, not the shop.'],
  ['meeting', 'Met at the Harrogate trade fair. Interested in the new candle range for Christmas.'],
  ['meeting', 'Quarterly review: sales up on last year, wants to increase the standing order.'],
  ['general', 'Prefers deliveries before 11am; the shop is closed on Wednesdays.'],
  ['general', 'Always pays by bank transfer on the last working day of the month.'],
  ['general', 'Please check stock before promising dates: last two orders were part-shipped.'],
  ['call', 'Customer called to update the delivery instructions for the back gate.'],
  ['email', 'Confirmed new VAT number by email; accounts updated.'],
  ['general', 'Gift wrapping requested on every order where possible.'],
];

export const WATCH_NOTES = [
  'Returned several items complaining of damage, so beware.',
  'Two chargebacks this year: take payment before dispatch.',
  'Disputes delivery on most orders: always send signed-for.',
  'Has asked for discounts by phone that were never agreed; check with the account manager.',
] as const;

export const REFUND_REASONS = ['Item arrived damaged', 'Goodwill gesture', 'Short shipped', 'Wrong colour sent', 'Late delivery'] as const;
export const RETURN_REASONS = ['Faulty', 'Not as described', 'Changed mind', 'Damaged in transit'] as const;
