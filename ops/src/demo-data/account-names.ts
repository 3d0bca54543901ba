/** Word pools for customer companies: a distinctive first word and an industry-flavoured second one. */
import { words } from './names.ts';

/** Each word names at most one account, so names and domains never collide. */
export const ACCOUNT_NAME_WORDS: readonly string[] = words(`
  Abacus Alder Alpine Amberline Anchorage Apexion Arbor Arcadia Ashford Aspen Auburn Aurora Avalon Banyan
  Barrow Beacon Bellwether Birchwood Blue-Heron Bluebird Bramble Brightwater Broadleaf Calloway Cardinal
  Cascade Cedarline Clearwater Cobalt Copperleaf Coral Cornerstone Crescent Crestline Cypress Dawnlight
  Driftwood Eastgate Ember Evergreen Fairhaven Falconer Fernhill Fieldstone Firefly Foxglove Frontier
  Garnet Glacier Goldcrest Granite Greenfield Halcyon Harborview Hawthorn Heartland Highland Hollis
  Horizon Indigo Ironwood Juniper Kestrel Keystone Kingsley Lakeshore Lantern Larkspur Lighthouse
  Linden Lodestar Magnolia Maplewood Mariner Meadowlark Meridian Mesa Millbrook Monarch Moonstone
  Northgate Oakridge Obsidian Orchard Osprey Palisade Paragon Pinecrest Pinnacle Prairie Quarry Quill
  Radiant Redwood Ridgeline Riverbend Rosewood Saffron Sagebrush Sandstone Sapphire Sequoia Silverline
  Solstice Sparrow Spruce Starling Stonebridge Summitview Sunstone Tamarack Tidewater Timberline Topaz
  Trailhead Tributary Tundra Vantage Verdant Vista Waypoint Westbrook Willowbrook Windward Wren Zephyr
  Alcott Bayside Blackthorn Bristol Canopy Carrick Castlerock Clover Corbel Dunmore Elmstead Emberly
  Fenwick Glenrock Greystone Hartwell Havenport Ivory Kinross Lambert Lindell Marlow Norwood Oakhurst
  Pembrook Quayside Ravenna Rockport Selwyn Sherwood Stirling Thornbury Upland Valewood Whitfield Yarrow
  Ashbury Belmont Crestwood Dovetail Everly Galloway Holloway Langford Mayfield Oxbury Prescott Rowan
`).map((word) => word.replace('-', ' '));

/** Industries with the second words their companies' names use. */
export const INDUSTRIES: readonly { name: string; suffixes: readonly string[] }[] = [
  { name: 'Financial Services', suffixes: ['Capital', 'Financial', 'Bank', 'Payments', 'Wealth'] },
  { name: 'Healthcare', suffixes: ['Health', 'Medical', 'Care', 'Health Systems', 'Therapeutics'] },
  { name: 'Retail', suffixes: ['Outfitters', 'Markets', 'Goods', 'Home', 'Brands'] },
  { name: 'Manufacturing', suffixes: ['Industries', 'Manufacturing', 'Components', 'Precision', 'Works'] },
  { name: 'Logistics', suffixes: ['Logistics', 'Freight', 'Shipping', 'Transport'] },
  { name: 'Software', suffixes: ['Software', 'Labs', 'Systems', 'Cloud', 'Technologies'] },
  { name: 'Media', suffixes: ['Media', 'Studios', 'Publishing'] },
  { name: 'Education', suffixes: ['Learning', 'Education', 'Academy'] },
  { name: 'Energy', suffixes: ['Energy', 'Power', 'Renewables', 'Utilities'] },
  { name: 'Insurance', suffixes: ['Insurance', 'Mutual', 'Assurance'] },
  { name: 'Hospitality', suffixes: ['Hotels', 'Hospitality', 'Resorts'] },
  { name: 'Telecommunications', suffixes: ['Telecom', 'Networks', 'Communications'] },
];
