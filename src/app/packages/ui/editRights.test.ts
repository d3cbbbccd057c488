import { describe, expect, it } from 'vitest';
import { editorNames, readOnlyText } from './editRights';
import { createNames } from './names';

const names = createNames({
  owners: [
    { id: '81', userId: '91', name: 'Priya Popescu', email: null },
    { id: '82', userId: '92', name: 'Tom Kim', email: null },
  ],
  teams: [{ id: '3', name: 'EMEA' }],
});

describe('readOnlyText', () => {
  it('says who grants editing rights (super admins) and who can edit meanwhile, by name', () => {
    expect(readOnlyText({ superAdmins: true, userIds: [], teamIds: [] }, names)).toBe(
      'You can look at these goals but not change them. To get editing rights, ask a super admin to add you as an editor in the app settings.',
    );
    expect(readOnlyText({ superAdmins: false, userIds: ['91', '92'], teamIds: ['3'] }, names)).toContain(
      'Until then, Priya Popescu, Tom Kim and the EMEA team can change goals for you.',
    );
  });
  it('never shows an id, even of editors HubSpot no longer knows', () => {
    expect(editorNames({ superAdmins: true, userIds: ['99999999'], teamIds: ['77777777'] }, names)).toEqual(
      [],
    );
    expect(readOnlyText({ superAdmins: true, userIds: ['99999999'], teamIds: [] }, names)).not.toMatch(/\d/);
  });
});
