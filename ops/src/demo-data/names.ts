/** Name pools for people (employees and customer contacts), varied in origin so the directory reads real. */

/** Splits a whitespace-separated list: long word pools stay compact and readable. */
export function words(text: string): string[] {
  return text.split(/\s+/).filter((word) => word !== '');
}

export const FIRST_NAMES: readonly string[] = words(`
  Aaliyah Aaron Abigail Adaeze Adrian Aisha Akira Alejandro Alice Amara Amir Ana Andrea Andrew Anika
  Arjun Astrid Beatriz Benjamin Bilal Bruno Camille Carlos Carmen Catherine Chen Chiara Chloe
  Christopher Claire Daniel Daniela David Deepa Diego Dmitri Elena Elif Elijah Emeka Emily Emma Ethan
  Fatima Felix Fernando Freya Gabriel Grace Hana Hannah Hassan Helena Hiroshi Ibrahim Ingrid Isabel
  Ivan Jack Jamal James Javier Jessica Ji-woo Joao Jonathan Jordan Jose Julia Kai Karen Kavya Kenji
  Kevin Kofi Laila Lars Laura Leah Lena Leon Liam Lucas Lucia Maya Malik Marco Maria Mariana Mark
  Marta Mateo Matthew Mei Michael Miguel Mina Mohammed Nadia Naomi Nathan Neha Nia Nikhil Nina Noah
  Nora Olivia Omar Oscar Pablo Paul Priya Rachel Rafael Rahul Rebecca Ricardo Rohan Rosa Ryan Samuel
  Sana Sara Sean Sebastian Shreya Sofia Sophie Stefan Sunil Tariq Thomas Tobias Tomas Valentina Victor
  Wei William Yara Yasmin Yuki Yusuf Zainab Zara Zoe
`);

export const LAST_NAMES: readonly string[] = words(`
  Abbott Adeyemi Agarwal Ahmed Alvarez Andersen Bailey Banerjee Becker Bennett Bianchi Brooks Carter
  Castillo Chang Chaudhry Chen Clarke Costa Cruz Dang Das Delgado Diaz Dubois Edwards Eriksson Evans
  Fernandes Fischer Fitzgerald Foster Garcia Gonzalez Greene Gupta Haddad Hansen Harris Hayes
  Hernandez Hoffmann Hughes Ibrahim Ito Iyer Jackson Jansen Jensen Johansson Kaur Kennedy Khan Kim
  Kowalski Kruger Kumar Larsen Lee Lindqvist Lopez Martin Martinez Mehta Mendes Meyer Mitchell Moreau
  Morgan Murphy Nakamura Nair Nguyen Novak Nowak Obi Okafor Oliveira Olsen Ortiz Osei Park Patel
  Pereira Petrov Phillips Pillai Quinn Ramirez Rao Reddy Reyes Richter Rivera Roberts Rodriguez Rossi
  Russo Saito Sanchez Santos Schmidt Schneider Shah Shapiro Sharma Silva Singh Sokolov Sorensen
  Stewart Sullivan Suzuki Takahashi Tanaka Taylor Thompson Torres Tran Turner Vargas Varma Vasquez
  Vogel Wagner Walsh Wang Watanabe Weber Wilson Wong Wright Wu Yamamoto Yang Yilmaz Young Zhang Zhou
  Zimmermann
`);

/** Lower-case ASCII letters only, for e-mail addresses and domains. */
export function slug(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}
