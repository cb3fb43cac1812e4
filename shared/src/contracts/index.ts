export * from './contract';
export * from './errors';
export * from './auth';
export * from './areas';
export * from './health';
export * from './registration';
export * from './employers';
export * from './reviews';
export * from './audit';
export * from './uploads';
export * from './applications';
export * from './staff';
export * from './vacancies';
export * from './jobs';
export * from './vouchers';
export * from './interviews';
export * from './training';
export * from './tasks';
export * from './ratings';
export * from './stats';
export * from './privacy';
export * from './myData';
export * from './proxies';
export * from './staffAdmin';
export * from './access';
export * from './servicePoints';
export * from './policies';
export * from './fairs';

import { wechatLogin, cloudbaseLogin, devLogin, getMe, putMyPreferences } from './auth';
import { listAreas } from './areas';
import { health, openapi } from './health';
import { putJobseekerRegistration, getJobseekerRegistration } from './registration';
import { createEmployer, getEmployer, inviteEmployerMember, acceptEmployerInvitation, listMyEmployers } from './employers';
import { decideReview, listReviews } from './reviews';
import { getAuditTrail } from './audit';
import { createUpload } from './uploads';
import {
  createUnemploymentRegistration,
  createEmploymentRegistration,
  createHardshipApplication,
  listMyPersonApplications,
  getMyCategories,
} from './applications';
import { getStaffPerson, findStaffPerson, getStaffEmployer } from './staff';
import { createVacancy, getVacancy, closeVacancy, nearbyVacancies, updateVacancy, employerVacancies, myRecommendations } from './vacancies';
import {
  applyToVacancy,
  listMyJobApplications,
  vacancyCandidates,
  recordOutcome,
  createReferral,
  getReferral,
  recordSubscriptions,
} from './jobs';
import { listStaffTasks, completeTask } from './tasks';
import { createRating, myRatings, getStaffRating, appealRating, decideAppeal, createComplaint, myComplaints, getStaffComplaint, complaintProgress } from './ratings';
import { getStats, exportStats, bigScreen } from './stats';
import { listAccessLog, listMyDataAccess } from './access';
import {
  createServicePoint,
  updateServicePoint,
  listStaffServicePoints,
  nearbyServicePoints,
  getServicePoint,
  listVisitSlots,
  bookVisit,
  myVisits,
  cancelVisit,
  moveVisit,
  pointVisits,
  markVisit,
  getServiceCatalogue,
  createNotice,
  myNotices,
} from './servicePoints';
import {
  publishPolicy,
  listStaffPolicies,
  getStaffPolicy,
  withdrawPolicy,
  browsePolicies,
  getPolicy,
  myPolicies,
  calculatePolicies,
  askQuestion,
  myQuestions,
  getStaffQuestion,
  answerQuestion,
  markQuestionComplex,
  questionTopics,
} from './policies';
import {
  createFair,
  publishFair,
  listFairs,
  getFair,
  applyForBooth,
  decideBooth,
  registerForFair,
  myFairs,
  fairCheckinCode,
  scanFairCheckin,
  fairGateCode,
  selfFairCheckin,
  fairIntention,
  listStaffFairs,
  listFairBooths,
} from './fairs';
import { acceptStaffInvitation, cancelStaffInvitation, inviteStaff, listStaff, removeStaff, updateStaff } from './staffAdmin';
import { acceptProxyInvitation, cancelProxyInvitation, inviteProxy, listMyProxies, listProxyActions, revokeProxy, startActingFor } from './proxies';
import { getPrivacyPolicy, giveConsents, listConsents, withdrawConsent } from './privacy';
import { cancelAccountDeletion, getAccountDeletion, getDataExport, requestAccountDeletion } from './myData';
import {
  createProgramme,
  listProgrammes,
  approveProgramme,
  issueVouchers,
  designateProvider,
  listMyProviders,
  listMyVouchers,
  getMyVoucher,
  claimVoucher,
  voucherCode,
  voucherCodeKey,
  listEmployerVouchers,
  getEmployerVoucher,
  claimEmployerVoucher,
  employerVoucherCode,
  inspectVoucher,
  redeemVoucher,
  reverseVoucher,
  revokeVoucher,
  lookupProvider,
  providerRedemptions,
  startSettlementRun,
  getSettlementRun,
  listBatches,
  getBatch,
  approveBatch,
  payoutFile,
  importBankResults,
  voucherStats,
} from './vouchers';
import { openInterviewSlot, listInterviewSlots, bookInterview, cancelInterview, myInterviews, rescheduleInterview, recordInterviewOutcome, vacancyInterviewBookings, assistedInterviewBooking } from './interviews';
import { createCourse, getCourse, nearbyCourses, providerCourses, institutionProgrammes, enrol, cancelEnrolment, myEnrolments, courseRoster, recordCompletion, submitTrainingNeed, staffTrainingNeeds } from './training';

/** Every endpoint, for the OpenAPI document and route tests. */
export const allContracts = [
  health,
  openapi,
  wechatLogin,
  cloudbaseLogin,
  devLogin,
  getMe,
  putMyPreferences,
  listAreas,
  putJobseekerRegistration,
  getJobseekerRegistration,
  createEmployer,
  getEmployer,
  inviteEmployerMember,
  acceptEmployerInvitation,
  listMyEmployers,
  createUpload,
  createUnemploymentRegistration,
  createEmploymentRegistration,
  createHardshipApplication,
  listMyPersonApplications,
  getMyCategories,
  getStaffPerson,
  findStaffPerson,
  getStaffEmployer,
  createVacancy,
  nearbyVacancies,
  getVacancy,
  closeVacancy,
  updateVacancy,
  employerVacancies,
  myRecommendations,
  applyToVacancy,
  listMyJobApplications,
  vacancyCandidates,
  recordOutcome,
  createReferral,
  getReferral,
  listStaffTasks,
  completeTask,
  recordSubscriptions,
  createProgramme,
  listProgrammes,
  approveProgramme,
  issueVouchers,
  designateProvider,
  listMyProviders,
  listMyVouchers,
  getMyVoucher,
  claimVoucher,
  voucherCode,
  voucherCodeKey,
  listEmployerVouchers,
  getEmployerVoucher,
  claimEmployerVoucher,
  employerVoucherCode,
  inspectVoucher,
  redeemVoucher,
  reverseVoucher,
  revokeVoucher,
  lookupProvider,
  providerRedemptions,
  startSettlementRun,
  getSettlementRun,
  listBatches,
  getBatch,
  approveBatch,
  payoutFile,
  importBankResults,
  voucherStats,
  openInterviewSlot,
  listInterviewSlots,
  bookInterview,
  cancelInterview,
  myInterviews,
  rescheduleInterview,
  recordInterviewOutcome,
  vacancyInterviewBookings,
  assistedInterviewBooking,
  createCourse,
  getCourse,
  nearbyCourses,
  providerCourses,
  institutionProgrammes,
  enrol,
  cancelEnrolment,
  myEnrolments,
  courseRoster,
  recordCompletion,
  submitTrainingNeed,
  staffTrainingNeeds,
  listReviews,
  decideReview,
  getAuditTrail,
  createRating,
  myRatings,
  getStaffRating,
  appealRating,
  decideAppeal,
  createComplaint,
  myComplaints,
  getStaffComplaint,
  complaintProgress,
  getStats,
  exportStats,
  bigScreen,
  getPrivacyPolicy,
  giveConsents,
  listConsents,
  withdrawConsent,
  getDataExport,
  getAccountDeletion,
  requestAccountDeletion,
  cancelAccountDeletion,
  inviteProxy,
  cancelProxyInvitation,
  acceptProxyInvitation,
  listMyProxies,
  revokeProxy,
  startActingFor,
  listProxyActions,
  inviteStaff,
  listStaff,
  updateStaff,
  removeStaff,
  cancelStaffInvitation,
  acceptStaffInvitation,
  listAccessLog,
  listMyDataAccess,
  createServicePoint,
  updateServicePoint,
  listStaffServicePoints,
  nearbyServicePoints,
  getServicePoint,
  listVisitSlots,
  bookVisit,
  myVisits,
  cancelVisit,
  moveVisit,
  pointVisits,
  markVisit,
  getServiceCatalogue,
  createNotice,
  myNotices,
  publishPolicy,
  listStaffPolicies,
  getStaffPolicy,
  withdrawPolicy,
  browsePolicies,
  getPolicy,
  myPolicies,
  calculatePolicies,
  askQuestion,
  myQuestions,
  getStaffQuestion,
  answerQuestion,
  markQuestionComplex,
  questionTopics,
  createFair,
  publishFair,
  listFairs,
  getFair,
  applyForBooth,
  decideBooth,
  registerForFair,
  myFairs,
  fairCheckinCode,
  scanFairCheckin,
  fairGateCode,
  selfFairCheckin,
  fairIntention,
  listStaffFairs,
  listFairBooths,
] as const;
