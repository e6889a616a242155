/** The Kemi hybrid workshop of the 2023 chain (on-site and remote attendance), as POST /workshops takes it. */
export const KEMI_WORKSHOP = {
    title: 'Työpaja 3: Yhteiskunnallinen yrittäjyys Lapissa (hybridi)',
    theme: 'Social enterprises and higher education: regional and national developers in one discussion',
    method: 'Hybrid workshop: on-site in Kemi and a webinar; questions and discussion',
    kind: 'co-development',
    format: 'hybrid',
    location: { venue: 'Lapin AMK, Kemin kampus', municipality: 'Kemi', region: 'Lappi' },
    startsAt: '2023-09-12T12:00:00+03:00',
    endsAt: '2023-09-12T15:00:00+03:00',
    targetGroups: ['social enterprises', 'higher-education institutions'],
    access: 'open',
    capacity: 40,
};
