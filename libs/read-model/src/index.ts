export * from './read-store.port';
export * from './projection';
export { MemoryReadStore } from './stores/memory-read-store';
export { SqliteReadStore, type SqliteReadStoreOptions } from './stores/sqlite-read-store';
export { MongoReadStore, type MongoReadStoreOptions } from './stores/mongodb-read-store';
export { createReadStore, type ReadStoreConfig } from './stores/create-read-store';
export * from './projector/projector';
export { PROJECTIONS } from './projections.registry';
export * from './projector/projector-lease';
export * from './projector/side-by-side-rebuild';
export { AliasedReadStore, ALIASES_COLLECTION, type AliasingUnitOfWork } from './stores/aliased-read-store';
export { WORKSHOP_CHAIN_COLLECTION, type ChainTotals, type ChainWorkshop, type WorkshopChainView } from './projections/workshop-chain/workshop-chain.view';
export { CHAIN_LIST_COLLECTION, type ChainListView } from './projections/chain-list/chain-list.view';
export * from './projections/chain-lessons/chain-lessons.view';
export type { WorkshopDetailView, WorkshopDetailOutreach, WorkshopDetailForm } from './projections/workshop-detail/workshop-detail.view';
export type { WorkshopRegistrationsView, WorkshopRegistration, RegistrationDocument, InvitationDocument, OutreachContactDocument } from './projections/workshop-registrations/workshop-registrations.view';
export { INVITATIONS_OF_INDEX, OUTREACH_CONTACTS_OF_INDEX, REGISTRATIONS_OF_INDEX, outreachContactDocumentId, placeOnWaitlist } from './projections/workshop-registrations/workshop-registrations.view';
export {
  FEEDBACK_OF_INDEX,
  WORKSHOP_FEEDBACK_COLLECTION,
  summarizeFeedback,
  type FeedbackItemDocument,
  type WorkshopFeedbackDocument,
  type WorkshopFeedbackItem,
  type WorkshopFeedbackView,
} from './projections/workshop-feedback/workshop-feedback.view';
export { ORGANIZATION_LIST_COLLECTION, type OrganizationListView } from './projections/organization-list/organization-list.view';
export * from './projections/organization-profile/organization-profile.view';
export { PERSON_DETAIL_COLLECTION, type PersonDetailView } from './projections/person-detail/person-detail.view';
export { COLLABORATION_DETAIL_COLLECTION, type CollaborationDetailView } from './projections/collaboration-detail/collaboration-detail.view';
export { WORKSHOP_DETAIL_COLLECTION } from './projections/workshop-detail/workshop-detail.view';
export { WORKSHOP_REGISTRATIONS_COLLECTION } from './projections/workshop-registrations/workshop-registrations.view';
export * from './projections/network/network.view';
export * from './projections/network/network-assembly';
export * from './projections/network/network-dates';
export * from './projections/network/network-documents';
export * from './replay/network-replay';
export * from './replay/network-merge';
